#!/usr/bin/env node
// The `stepcraft` command. It exists before the first build so that a workspace install can link it;
// `pnpm build` (or `prepack`) writes ../dist.
import '../dist/bin.js';
