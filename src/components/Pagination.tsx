import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * "Previous page / Page 2 of 5 (93 items) / Next page" for a server-paginated
 * list, in a <nav> named after the list so a page with two lists has two
 * distinguishable pagination landmarks.
 *
 * @param props
 * @param props.label      Name of the list, e.g. "Runs".
 * @param props.page       Current page (1-based).
 * @param props.totalPages Number of pages.
 * @param props.total      Number of items.
 * @param props.onChange   Called with the new page.
 */
export function Pagination( {
	label,
	page,
	totalPages,
	total,
	onChange,
}: {
	label: string;
	page: number;
	totalPages: number;
	total: number;
	onChange: ( page: number ) => void;
} ) {
	return (
		<nav
			className="sophmate-safe-mode__pagination"
			aria-label={ sprintf(
				/* translators: %s: name of the list, e.g. "Runs". */
				__( '%s pages', 'sophmate-safe-mode' ),
				label
			) }
		>
			<Button
				variant="secondary"
				size="compact"
				disabled={ page <= 1 }
				accessibleWhenDisabled
				onClick={ () => onChange( page - 1 ) }
			>
				{ __( 'Previous page', 'sophmate-safe-mode' ) }
			</Button>
			<span data-testid="pagination-info" aria-live="polite">
				{ sprintf(
					/* translators: 1: current page, 2: number of pages, 3: number of items. */
					__(
						'Page %1$d of %2$d (%3$d items)',
						'sophmate-safe-mode'
					),
					page,
					Math.max( 1, totalPages ),
					total
				) }
			</span>
			<Button
				variant="secondary"
				size="compact"
				disabled={ page >= totalPages }
				accessibleWhenDisabled
				onClick={ () => onChange( page + 1 ) }
			>
				{ __( 'Next page', 'sophmate-safe-mode' ) }
			</Button>
		</nav>
	);
}
