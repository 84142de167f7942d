import { examplesApp } from './app.js';

// `npx cdk synth` (cdk.json runs this file): one stack per example.
examplesApp().app.synth();
