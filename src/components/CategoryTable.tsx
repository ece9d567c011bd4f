import { Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

import { categoriesStore } from '../store/categories';
import { statusStore } from '../store/status';
import type { Route } from '../utils/route';
import { CategoryRow } from './CategoryRow';

/**
 * The column headers of an overview table.
 *
 * @param props
 * @param props.columns Header texts, in column order.
 */
export function TableHead( { columns }: { columns: string[] } ) {
	return (
		<thead>
			<tr>
				{ columns.map( ( column ) => (
					<th key={ column } scope="col">
						{ column }
					</th>
				) ) }
			</tr>
		</thead>
	);
}

/**
 * Every category with its switch, decision, pause policy and recent runs.
 *
 * @param props
 * @param props.navigate navigate() of useRoute (rows link to their pages).
 */
export function CategoryTable( {
	navigate,
}: {
	navigate: ( route: Route ) => void;
} ) {
	const categories = useSelect(
		( select ) => select( statusStore ).getCategoryStatuses(),
		[]
	);
	const configError = useSelect( ( select ) => {
		const store = select( categoriesStore );
		// Selecting the list triggers its resolver: the pause policies shown
		// in each row are loaded once for the whole table.
		store.getCategories();
		return store.getError();
	}, [] );
	// People who may only pause can be refused the configuration; the rows
	// then say "Policy not available" without an extra warning.
	const showConfigError = configError !== null && configError.status !== 403;

	return (
		<section
			className="sophmate-safe-mode__categories"
			aria-labelledby="sophmate-safe-mode-categories-title"
		>
			<h2 id="sophmate-safe-mode-categories-title">
				{ __( 'Categories', 'sophmate-safe-mode' ) }
			</h2>
			{ showConfigError && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'Pause policies could not be loaded:',
						'sophmate-safe-mode'
					) }{ ' ' }
					{ configError?.message }
				</Notice>
			) }
			{ categories.length === 0 ? (
				<p>
					{ __(
						'No automation categories are registered.',
						'sophmate-safe-mode'
					) }
				</p>
			) : (
				<table className="sophmate-safe-mode__table">
					<TableHead
						columns={ [
							__( 'Category', 'sophmate-safe-mode' ),
							__( 'State', 'sophmate-safe-mode' ),
							__( 'Effective', 'sophmate-safe-mode' ),
							__( 'Pause policy', 'sophmate-safe-mode' ),
							__(
								'Recent runs (24 hours)',
								'sophmate-safe-mode'
							),
							__( 'Next review', 'sophmate-safe-mode' ),
							__( 'Actions', 'sophmate-safe-mode' ),
						] }
					/>
					<tbody>
						{ categories.map( ( category ) => (
							<CategoryRow
								key={ category.slug }
								category={ category }
								navigate={ navigate }
							/>
						) ) }
					</tbody>
				</table>
			) }
		</section>
	);
}
