import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '../../api/admin';

/** A console write: on success every admin query is refetched (lists, details, the audit log
 * all may show the change) and `done` gets the result. */
export function useAdminAction<TArgs, TResult>(run: (args: TArgs) => Promise<TResult>, done?: (result: TResult) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      done?.(result);
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
    },
  });
}
