import type { Rule } from '../../types';
import { withDefaults } from '../../parse/interpolation';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

export const unpinnedImage: Rule<ComposeContext> = {
  id: 'compose/unpinned-image', language: 'compose', severity: 'info',
  title: 'Image not pinned to a version',
  description: 'An image with no tag or `:latest` changes under you on the next pull: an unreviewed major upgrade (a database that no longer reads its data) or a compromised release arrives without a change in the file. Pin a version tag, or a digest (`@sha256:...`) for reproducible deploys.',
  fixable: false,
  check(ctx) {
    const report = reportOnce(ctx);
    for (const svc of servicesOf(ctx)) {
      const img = svc.image;
      const e = svc.fields.get('image');
      // With `build:` the image name is the tag the build produces, not something pulled.
      if (!img || !e || img.digest || svc.fields.has('build')) continue;
      if (img.raw.trim() === '' || img.path.includes('$')) continue;
      let tag = img.tag;
      if (tag?.includes('$')) {
        tag = withDefaults(tag);
        if (tag === undefined) continue;
      }
      if (tag && tag !== 'latest') continue;
      report({ span: e.valueSpan, message: `Image of service \`${svc.name}\` is ${tag ? 'pinned to `latest`' : 'not pinned to a version'}: the next pull may bring a different release. Pin a version tag or a digest.` });
    }
  },
};
