import { Link } from '../components/Link.tsx';

export const NotFoundPage = () => (
  <div className="page">
    <h1>Page not found</h1>
    <p>
      <Link to="/">Back to your guilds</Link>
    </p>
  </div>
);
