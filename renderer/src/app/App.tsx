import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.ts';

/** The lab. */
export function App({ api }: { api: ApiClient }) {
  const [version, setVersion] = useState<string>('');
  useEffect(() => {
    void api.call('app:info').then((r) => r.ok && setVersion(r.value.engineVersion));
  }, [api]);
  return (
    <main>
      <h1>Session Recovery Lab</h1>
      <p>Engine {version}</p>
    </main>
  );
}
