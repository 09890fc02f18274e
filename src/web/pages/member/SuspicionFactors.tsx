import type { MemberSuspicion } from '../../api/api-types.ts';

/** The score, labelled advisory, and every factor with its weight, value and reason. */
export const SuspicionFactors = ({ suspicion }: { suspicion: MemberSuspicion }) => (
  <div className="suspicion">
    <p className="advisory" role="note">
      <strong>Advisory.</strong> {suspicion.advisory}
    </p>
    <p className="score">
      Score <strong>{suspicion.total}</strong> / 100
    </p>
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">Factor</th>
          <th scope="col" className="num">
            Weight
          </th>
          <th scope="col" className="num">
            Value
          </th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {suspicion.factors.map((factor) => (
          <tr key={factor.name} className={factor.value > 0 ? 'flagged' : ''}>
            <td>{factor.name}</td>
            <td className="num">{factor.weight}</td>
            <td className="num">{factor.value}</td>
            <td>{factor.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
