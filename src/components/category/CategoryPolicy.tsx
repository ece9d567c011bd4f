import { __ } from '@wordpress/i18n';

import type { PausePolicy } from '../../api';
import {
	policySentences,
	type PolicyPeople,
} from '../../utils/policy-sentences';

/**
 * The pause policy as a short list of sentences.
 *
 * @param props
 * @param props.policy Pause policy.
 * @param props.people Names of the restart owner and the owner.
 * @param props.testId Test id of the list.
 */
export function PolicySentenceList( {
	policy,
	people,
	testId,
}: {
	policy: PausePolicy;
	people: PolicyPeople;
	testId?: string;
} ) {
	return (
		<ul className="sophmate-category__policy" data-testid={ testId }>
			{ policySentences( policy, people ).map( ( sentence ) => (
				<li key={ sentence.key }>{ sentence.text }</li>
			) ) }
		</ul>
	);
}

/**
 * What a pause of this category does, for the operator about to press Pause.
 *
 * @param props
 * @param props.policy  Pause policy, null while loading or when unavailable.
 * @param props.people  Names of the restart owner and the owner.
 * @param props.loading Whether the category config is still loading.
 * @param props.error   Why the config could not be loaded, if it failed.
 */
export function CategoryPolicy( {
	policy,
	people,
	loading,
	error,
}: {
	policy: PausePolicy | null;
	people: PolicyPeople;
	loading: boolean;
	error: string | null;
} ) {
	let body;
	if ( policy ) {
		body = <PolicySentenceList policy={ policy } people={ people } />;
	} else if ( loading ) {
		body = <p>{ __( 'Loading…', 'sophmate-safe-mode' ) }</p>;
	} else {
		body = (
			<p className="sophmate-safe-mode__meta">
				{ error ?? __( 'Policy not available.', 'sophmate-safe-mode' ) }
			</p>
		);
	}
	return (
		<section
			className="sophmate-category__section"
			aria-labelledby="sophmate-category-policy-title"
			data-testid="category-policy"
		>
			<h2 id="sophmate-category-policy-title">
				{ __( 'When it is paused', 'sophmate-safe-mode' ) }
			</h2>
			{ body }
		</section>
	);
}
