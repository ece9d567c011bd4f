import { describe, expect, it } from 'vitest';

import type { PausePolicy } from '../../src/api';
import { policySentences } from '../../src/utils/policy-sentences';

const gentle: PausePolicy = {
	running: 'finish',
	queued: 'hold',
	scheduled: 'hold',
	retrying: 'hold',
	cleanup_notes: '',
	restart_owner_id: null,
};

const strict: PausePolicy = {
	running: 'stop_at_checkpoint',
	queued: 'cancel',
	scheduled: 'skip',
	retrying: 'cancel',
	cleanup_notes: '  Check the mailing provider for duplicates.  ',
	restart_owner_id: 7,
};

const texts = ( policy: PausePolicy, restartOwner: string | null = null ) =>
	policySentences( policy, { restartOwner, owner: 'Ada Admin' } ).map(
		( sentence ) => sentence.text
	);

describe( 'policySentences', () => {
	it( 'describes a policy that keeps everything for later', () => {
		expect( texts( gentle ) ).toEqual( [
			'Running jobs finish.',
			'Queued jobs are held and run after restart.',
			'Scheduled runs during the pause are held; each runs once after restart.',
			'Retries wait.',
			'No manual cleanup is recorded.',
			'Restarted by: Ada Admin (the owner)',
		] );
	} );

	it( 'describes a policy that stops and drops work', () => {
		expect( texts( strict, 'Pia Pauser' ) ).toEqual( [
			'Running jobs stop at their next checkpoint.',
			'Queued jobs are cancelled.',
			'Scheduled runs during the pause are skipped.',
			'Retries are cancelled.',
			'Manual cleanup: Check the mailing provider for duplicates.',
			'Restarted by: Pia Pauser',
		] );
	} );

	it( 'names a restart owner it cannot resolve by id rather than falling back to the owner', () => {
		expect( texts( strict ).at( -1 ) ).toBe( 'Restarted by: user #7' );
	} );

	it( 'says when nobody is named to restart', () => {
		const sentences = policySentences( gentle, {
			restartOwner: null,
			owner: null,
		} );
		expect( sentences.map( ( s ) => s.key ) ).toEqual( [
			'running',
			'queued',
			'scheduled',
			'retrying',
			'cleanup',
			'restart',
		] );
		expect( sentences.at( -1 )?.text ).toMatch( /nobody is named/ );
	} );
} );
