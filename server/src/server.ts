// Placeholder until the language server lands.
process.stdin.resume();
