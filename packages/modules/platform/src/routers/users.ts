import { router, tenantProcedure } from '@ufp/kit/trpc';
import { createUserInput, disableUserInput, listUsersInput, updateUserInput, userIdInput } from '../schemas.js';
import * as users from '../service/users.js';

const admins = tenantProcedure(['federation_admin']);

/** The tenant's user directory: roles, unit binding, modules, login identifier, status. */
export const usersRouter = router({
  create: admins.input(createUserInput).mutation(({ ctx, input }) => users.createUser(ctx, input)),
  list: admins.input(listUsersInput).query(({ ctx, input }) => users.listUsers(ctx, input)),
  update: admins.input(updateUserInput).mutation(({ ctx, input }) => users.updateUser(ctx, input)),
  disable: admins.input(disableUserInput).mutation(({ ctx, input }) => users.disableUser(ctx, input)),
  enable: admins.input(userIdInput).mutation(({ ctx, input }) => users.enableUser(ctx, input.userId)),
});
