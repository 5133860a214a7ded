import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import PlatformDeadLetters from './PlatformDeadLetters';

export const platformDeadLettersModule = defineModule({
  name: 'platform-dead-letters',
  routes: [
    { path: '/platform/dead-letters', component: PlatformDeadLetters, roles: ['platform_operator'] },
  ],
  nav: [
    { path: '/platform/dead-letters', key: 'platformDeadLetters.nav', roles: ['platform_operator'], order: 170 },
  ],
  dict: { zh, en },
});
