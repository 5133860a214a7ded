import { defineManifest } from '@ufp/kit/module';

/** 领导驾驶舱: the leadership's reading of the rollups (no records, no events of its own). */
export const cockpitManifest = defineManifest({
  name: 'cockpit',
  label: { zh: '领导驾驶舱', en: 'Leadership cockpit' },
});
