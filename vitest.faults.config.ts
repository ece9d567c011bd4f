import { defineConfig } from 'vitest/config';

// The fault suite (npm test -- --only=faults): real processes against its own throwaway site in
// .wp/faults, whose MariaDB and PHP workers the tests stop and kill. One file at a time, in order.
export default defineConfig( {
	test: {
		environment: 'node',
		include: [ 'tests/faults/**/*.test.ts' ],
		fileParallelism: false,
		sequence: { concurrent: false },
		testTimeout: 120000,
		hookTimeout: 180000,
	},
} );
