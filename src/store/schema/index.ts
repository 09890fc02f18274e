export * from './audit.ts';
export * from './auth.ts';
export * from './events.ts';
export * from './gateway.ts';
export * from './guild.ts';
export * from './moderation.ts';
export * from './rollups.ts';
export * from './user.ts';
