import { z } from 'zod';
import { type PrivacySubcommand, privacySubcommands } from './privacy-command.ts';

const snowflake = z.string().regex(/^\d{1,20}$/);
const user = z.object({ id: snowflake });

/**
 * The parts of INTERACTION_CREATE `/privacy` needs: in a guild the user is in `member.user`,
 * in a DM in `user`. @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 */
const interactionSchema = z.object({
  id: snowflake,
  application_id: snowflake,
  type: z.literal(2),
  token: z.string().min(1).max(500),
  guild_id: snowflake.optional(),
  member: z.object({ user }).optional(),
  user: user.optional(),
  data: z.object({
    name: z.literal('privacy'),
    options: z
      .array(
        z.object({
          name: z.enum(privacySubcommands),
          options: z.array(z.object({ name: z.string(), value: z.unknown() })).optional(),
        }),
      )
      .length(1),
  }),
});

/** A `/privacy` use: who, which subcommand, and where to answer. */
export interface PrivacyInteraction {
  id: string;
  token: string;
  applicationId: string;
  guildId: string | null;
  discordId: string;
  subcommand: PrivacySubcommand;
  /** `delete`'s `confirm` option. */
  confirmed: boolean;
}

/** Parses an INTERACTION_CREATE; `undefined` when it is not a well-formed `/privacy`. */
export const parsePrivacyInteraction = (data: unknown): PrivacyInteraction | undefined => {
  const parsed = interactionSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const d = parsed.data;
  const discordId = d.member?.user.id ?? d.user?.id;
  const [option] = d.data.options;
  if (discordId === undefined || option === undefined) return undefined;
  return {
    id: d.id,
    token: d.token,
    applicationId: d.application_id,
    guildId: d.guild_id ?? null,
    discordId,
    subcommand: option.name,
    confirmed: option.options?.some((o) => o.name === 'confirm' && o.value === true) ?? false,
  };
};
