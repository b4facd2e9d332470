import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrapData } from '../../api/client';
import { keys } from '../../api/queries';
import { Time } from '../../components/Display';
import { ErrorState, FormError, Skeleton } from '../../components/States';

export function SessionsSection() {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: keys.sessions, queryFn: () => unwrapData(api.GET('/api/v1/auth/sessions')) });
  const end = useMutation({
    mutationFn: (id: number) => unwrapData(api.DELETE('/api/v1/auth/sessions/{session_id}', { params: { path: { session_id: id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.sessions }),
  });
  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      {sessions.isPending ? (
        <Skeleton rows={3} />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} />
      ) : (
        <div className="table-scroll">
          <table className="table dense">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">IP</th>
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((session) => (
                <tr key={session.id}>
                  <td className="ellipsis" title={session.user_agent ?? ''}>
                    {session.user_agent ?? 'unknown'} {session.current ? <span className="badge badge-info">this one</span> : null}
                  </td>
                  <td className="num">{session.ip ?? '—'}</td>
                  <td>
                    <Time ms={session.last_seen_at} relative />
                  </td>
                  <td>
                    {!session.current ? (
                      <button type="button" className="btn btn-ghost" onClick={() => end.mutate(session.id)}>
                        End
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError error={end.error} />
    </section>
  );
}
