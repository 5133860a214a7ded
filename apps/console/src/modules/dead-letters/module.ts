import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import DeadLetters from './DeadLetters';

export const deadLettersModule = defineModule({
  name: 'dead-letters',
  routes: [
    { path: '/dead-letters', component: DeadLetters, roles: ['federation_admin'] },
  ],
  nav: [
    { path: '/dead-letters', key: 'deadLetters.nav', roles: ['federation_admin'], order: 50 },
  ],
  dict: { zh, en },
});
