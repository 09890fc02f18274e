import type { REST } from '@discordjs/rest';
import { InteractionResponseType, MessageFlags, Routes } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { insertAuditLog } from '../../store/access/insert-audit-log.ts';
import type { Database } from '../../store/database.ts';
import { eraseMember } from '../../store/privacy/erase-member.ts';
import { optInMember, optOutMember } from '../../store/privacy/opt-out-member.ts';
import { type PrivacyInteraction, parsePrivacyInteraction } from './parse-privacy-interaction.ts';
import { privacyCommands } from './privacy-command.ts';

/** Options of {@link createPrivacyInteractions}. */
export interface PrivacyInteractionsOptions {
  db: Database;
  rest: REST;
  log: Logger;
  /** Makes this process's ingest honour an opt-out at once. */
  refreshPolicy(): Promise<void>;
  /** The dashboard's address, for the export link. */
  publicUrl?: string | undefined;
  now?: () => Date;
}

/** `/privacy` over the gateway: registers the command, answers each use ephemerally. */
export interface PrivacyInteractions {
  register(applicationId: string): Promise<void>;
  /** Handles an INTERACTION_CREATE; ignores anything that is not `/privacy`. */
  handle(data: unknown): Promise<void>;
}

/** What a subcommand does, and the answer the member sees. */
const apply = async (
  options: PrivacyInteractionsOptions,
  use: PrivacyInteraction,
): Promise<string> => {
  const now = options.now?.() ?? new Date();
  const audit = (action: string, details: object = {}) =>
    insertAuditLog(options.db.orm, {
      userId: null,
      action,
      resource: 'member',
      resourceId: use.discordId,
      ...(use.guildId ? { guildId: use.guildId } : {}),
      details: { via: 'discord', ...details },
      ipAddress: null,
      userAgent: null,
      timestamp: now,
    });
  // The change is committed and audited by then; if the re-read fails, the ingest's own
  // refresh catches up within its interval, so the member still gets their answer.
  const refreshPolicy = () =>
    options
      .refreshPolicy()
      .catch((error: unknown) =>
        options.log.warn({ err: error }, 'could not re-read opt-outs at once'),
      );
  switch (use.subcommand) {
    case 'opt-out': {
      const counts = await optOutMember(options.db, use.discordId, now);
      await audit('privacy.opt_out', counts);
      await refreshPolicy();
      return 'You are opted out: Spywatcher no longer records you in any server, and what it kept about you is deleted. Only a marker with your Discord id stays, so that it remembers. Use /privacy opt-in to undo.';
    }
    case 'opt-in': {
      const removed = await optInMember(options.db, use.discordId);
      await audit('privacy.opt_in');
      await refreshPolicy();
      return removed > 0
        ? 'You are opted in again: Spywatcher may record your activity from now on.'
        : 'You had not opted out.';
    }
    case 'export': {
      await audit('privacy.export_link');
      const base = options.publicUrl ?? 'the Spywatcher dashboard';
      return `Log in with Discord at ${base}, then download everything kept about you from ${options.publicUrl ?? ''}/api/v1/privacy/export (one JSON file).`;
    }
    case 'delete': {
      if (!use.confirmed) return 'Nothing was deleted: run /privacy delete confirm:True to delete.';
      const counts = await eraseMember(options.db, use.discordId);
      await audit('privacy.erase', counts);
      const rows = Object.values(counts.removed).reduce((a, b) => a + b, 0);
      return `Deleted: ${rows} records about you. Spywatcher records you again from now on unless you use /privacy opt-out.`;
    }
  }
};

/** Creates the `/privacy` handler over Discord's REST API (or the simulator's). */
export const createPrivacyInteractions = (
  options: PrivacyInteractionsOptions,
): PrivacyInteractions => ({
  register: async (applicationId) => {
    await options.rest.put(Routes.applicationCommands(applicationId), { body: privacyCommands });
  },
  handle: async (data) => {
    const use = parsePrivacyInteraction(data);
    if (!use) return;
    let content: string;
    try {
      content = await apply(options, use);
    } catch (error) {
      options.log.error({ err: error, subcommand: use.subcommand }, '/privacy failed');
      content = 'Something went wrong; nothing may have changed. Please try again later.';
    }
    // Interaction callbacks authenticate by the interaction token, not the bot token.
    // https://discord.com/developers/docs/interactions/receiving-and-responding#create-interaction-response
    await options.rest.post(Routes.interactionCallback(use.id, use.token), {
      auth: false,
      body: {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { content, flags: MessageFlags.Ephemeral },
      },
    });
  },
});
