import {
  ApplicationCommandOptionType,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

/** The `/privacy` subcommands. */
export const privacySubcommands = ['opt-out', 'opt-in', 'export', 'delete'] as const;
export type PrivacySubcommand = (typeof privacySubcommands)[number];

/**
 * `/privacy`, registered as a global command; its answers are ephemeral (only the member sees
 * them). @see https://discord.com/developers/docs/interactions/application-commands
 */
export const privacyCommands: RESTPutAPIApplicationCommandsJSONBody = [
  {
    name: 'privacy',
    description: 'What Spywatcher keeps about you: opt out, opt in, export, delete',
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'opt-out',
        description: 'Stop being recorded in every server and delete what is kept about you',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'opt-in',
        description: 'Allow being recorded again',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'export',
        description: 'Get a link to download everything kept about you',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'delete',
        description: 'Delete everything kept about you (recording resumes unless you opt out)',
        options: [
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'confirm',
            description: 'True to delete: this cannot be undone',
            required: true,
          },
        ],
      },
    ],
  },
];
