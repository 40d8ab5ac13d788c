import { SetMetadata } from '@nestjs/common';
import type { Role } from '@pulsewise/db';

export const ROLES_KEY = 'pulsewise:roles';
export const PUBLIC_KEY = 'pulsewise:public';

/** Who may call this resolver. Resolvers without @Roles or @Public are refused (deny by default). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Callable without signing in (sign-in itself, token-authenticated pulse links). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const ALL_ROLES: Role[] = ['PLATFORM_ADMIN', 'TENANT_ADMIN', 'HR_LEADER', 'MANAGER', 'EMPLOYEE'];
