import type { Rule, RelatedSpec } from '../../types';
import { parseImage } from '../../parse/compose-image';
import { interpolate, scanInterpolation, withDefaults } from '../../parse/interpolation';
import { composeProject } from '../../project/compose-project';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

/** Distribution code names pin a release line like a version number does. */
const CODENAMES = /^(bookworm|bullseye|buster|stretch|trixie|jammy|focal|noble|bionic|xenial)$/;

/** Tags a local build gives its output (`authelia:dist`): nothing is pulled under them. */
const BUILD_TAGS = /^(dist|local|build|ci|test)$/;

/**
 * A tag that moves: `latest`, and tags without any version number (`nightly`, `edge`, `alpine`,
 * `apache`, `stable`, `fpm-alpine`) which follow the newest release of their variant.
 */
export function floatingTag(tag: string | undefined): boolean {
  if (tag === undefined || tag === '') return true;
  const t = tag.toLowerCase();
  if (/\d/.test(t) || BUILD_TAGS.test(t)) return false;
  return !t.split(/[-_.]/).some((part) => CODENAMES.test(part));
}

export const unpinnedImage: Rule<ComposeContext> = {
  id: 'compose/unpinned-image', language: 'compose', severity: 'info',
  title: 'Image not pinned to a version',
  docs: {
    why: [
      'An image with no tag, `:latest`, or a tag without a version number (`:nightly`, `:edge`, `:alpine`, `:apache`, `:stable`) changes under you on the next pull: an unreviewed major upgrade (a database that no longer reads its data, a Nextcloud that cannot skip a major version) or a compromised release arrives without a change in the file. Pin a version tag, or a digest (`@sha256:...`) for reproducible deploys.',
      'Tags set through variables are read like compose reads them: from the project\'s `.env` (`image: app:${TAG}` with `TAG=nightly`), else from the default.',
    ].join('\n'),
    bad: 'services:\n  db:\n    image: postgres:latest',
    good: 'services:\n  db:\n    image: postgres:16.4',
  },
  fixable: false,
  check(ctx) {
    const report = reportOnce(ctx);
    const project = composeProject(ctx.workspace, ctx.file.path);
    const lookup = (name: string) => project.variable(name)?.entry.value;
    for (const svc of servicesOf(ctx)) {
      const img = svc.image;
      const e = svc.fields.get('image');
      // With `build:` the image name is the tag the build produces, not something pulled.
      if (!img || !e || svc.fields.has('build')) continue;
      if (img.raw.trim() === '') continue;
      let ref = img;
      const related: RelatedSpec[] = [];
      if (img.interpolated) {
        const value = interpolate(img.raw, lookup) ?? withDefaults(img.raw);
        if (value === undefined) continue;
        ref = parseImage(value);
        for (const r of scanInterpolation(img.raw)) {
          const v = project.variable(r.name);
          if (v && ref.tag !== undefined && v.entry.value.includes(ref.tag)) related.push({ file: v.file, span: v.entry.valueSpan, message: `${r.name} is set here` });
        }
      }
      if (ref.digest || ref.path.includes('$') || ref.path === '' || !floatingTag(ref.tag)) continue;
      const what = !ref.tag ? 'not pinned to a version' : ref.tag === 'latest' ? 'pinned to `latest`' : `on the floating tag \`${ref.tag}\`, which follows new releases`;
      const via = related.length ? ' (the tag comes from .env)' : '';
      report({
        span: e.valueSpan,
        message: `Image of service \`${svc.name}\` is ${what}${via}: the next pull may bring a different release. Pin a version tag or a digest.`,
        related,
      });
    }
  },
};
