import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * "Previous / Page 2 of 5 (93 items) / Next".
 *
 * @param props
 * @param props.page       Current page (1-based).
 * @param props.totalPages Number of pages.
 * @param props.total      Number of items.
 * @param props.onChange   Called with the new page.
 */
export function Pagination( {
	page,
	totalPages,
	total,
	onChange,
}: {
	page: number;
	totalPages: number;
	total: number;
	onChange: ( page: number ) => void;
} ) {
	return (
		<div className="sophmate-safe-mode__pagination">
			<Button
				variant="secondary"
				size="compact"
				disabled={ page <= 1 }
				accessibleWhenDisabled
				onClick={ () => onChange( page - 1 ) }
			>
				{ __( 'Previous page', 'sophmate-safe-mode' ) }
			</Button>
			<span data-testid="pagination-info">
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
		</div>
	);
}
