/** Shown to anyone without a session: one button, Discord does the rest. */
export const LoginPage = () => {
  const error = new URLSearchParams(window.location.search).get('error');
  return (
    <main className="center-page login">
      <div className="login-card">
        <h1>Spywatcher</h1>
        <p>Presence and behaviour analytics for the staff of your Discord server.</p>
        {error && (
          <p className="error" role="alert">
            The login did not complete ({error}). Please try again.
          </p>
        )}
        {/* A full navigation, not fetch: Discord's consent page must open in this tab. */}
        <a className="button primary" href="/api/v1/auth/login">
          Log in with Discord
        </a>
        <p className="muted small">
          You will see the servers you own or manage (Administrator or Manage Server).
        </p>
      </div>
    </main>
  );
};
