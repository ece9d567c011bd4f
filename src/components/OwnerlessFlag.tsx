import { __ } from '@wordpress/i18n';

/**
 * The "No owner" warning shown for ownerless categories and automations:
 * nobody is accountable for them, which the overview must make visible.
 *
 * @param props
 * @param props.testId Test id of the flag.
 */
export function OwnerlessFlag( { testId }: { testId?: string } ) {
	return (
		<span className="sophmate-safe-mode__ownerless" data-testid={ testId }>
			{ __( 'No owner', 'sophmate-safe-mode' ) }
		</span>
	);
}
