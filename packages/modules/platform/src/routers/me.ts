import { authedProcedure } from '@ufp/kit/trpc';
import { me } from '../service/me.js';

/** Who the console is talking to (see `me`). */
export const meProcedure = authedProcedure.query(({ ctx }) => me(ctx));
