import type { Column } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';

interface MemberRow {
  userId: string;
  username: string;
  displayName: string;
}

/** The member column every analytic has: display name linking to the member page. */
export const memberColumn = <Row extends MemberRow>(guildId: string): Column<Row> => ({
  key: 'member',
  label: 'Member',
  value: (row) => `${row.displayName} (@${row.username})`,
  render: (row) => (
    <Link to={`/guilds/${guildId}/members/${row.userId}`} className="member-link">
      {row.displayName} <span className="muted">@{row.username}</span>
    </Link>
  ),
});
