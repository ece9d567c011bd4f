/**
 * GET /stats payloads shaped like StatsController's answer.
 */
import type { Stats } from '../../../src/api/stats';

const zero = {
	queued: 0,
	running: 0,
	succeeded: 0,
	failed: 0,
	skipped: 0,
	held: 0,
	cancelled: 0,
	awaiting_approval: 0,
};

/**
 * Every hour of the window from `since`, with runs in the last three hours.
 *
 * @param window `24h` or `7d`.
 */
export function statsPayload( window: '24h' | '7d' = '24h' ): Stats {
	const hours = window === '7d' ? 168 : 24;
	const first = Date.parse( '2025-11-25T21:00:00Z' ) - ( hours - 1 ) * 3600e3;
	const runsPerHour = Array.from( { length: hours }, ( _, i ) => ( {
		hour: new Date( first + i * 3600e3 )
			.toISOString()
			.replace( '.000', '' ),
		...zero,
	} ) );
	const last = runsPerHour.length - 1;
	Object.assign( runsPerHour[ last ]!, { succeeded: 28, failed: 2 } );
	Object.assign( runsPerHour[ last - 1 ]!, {
		succeeded: 9,
		failed: 1,
		held: 3,
		queued: 1,
		cancelled: 1,
	} );
	Object.assign( runsPerHour[ last - 2 ]!, { skipped: 4 } );
	const totals = { ...zero };
	runsPerHour.forEach( ( hour ) => {
		( Object.keys( zero ) as Array< keyof typeof zero > ).forEach(
			( key ) => {
				totals[ key ] += hour[ key ];
			}
		);
	} );
	return {
		window,
		category: null,
		since: runsPerHour[ 0 ]!.hour,
		totals,
		runs_per_hour: runsPerHour,
		spend_per_day: [
			{
				day: '2025-11-24',
				category: 'marketing',
				unit: 'tokens',
				amount: 800,
			},
			{
				day: '2025-11-25',
				category: 'marketing',
				unit: 'tokens',
				amount: 1234,
			},
			{
				day: '2025-11-25',
				category: 'content',
				unit: 'tokens',
				amount: 300,
			},
			{
				day: '2025-11-25',
				category: 'commerce',
				unit: 'USD',
				amount: 0.12,
			},
		],
	};
}
