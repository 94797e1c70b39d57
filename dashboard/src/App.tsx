import { TenantOverview } from './tenant/TenantOverview';

export function App() {
  return (
    <main>
      <header>
        <h1>FarmIQ</h1>
      </header>
      <TenantOverview />
    </main>
  );
}
