import { request, route } from './client';
import { cronHookListSchema, type CronHook } from './schemas';

/** GET /cron-hooks: every scheduled WP-Cron hook and the automations bound to it. */
export function fetchCronHooks(): Promise< CronHook[] > {
	return request( cronHookListSchema, { path: route( '/cron-hooks' ) } );
}
