import { __, sprintf } from '@wordpress/i18n';

import type { ConfigChange } from '../../api';
import { changeLabel, formatValue, groupChanges } from './configDiff';

/**
 * What an import would change, grouped by type: each added, changed or
 * skipped item with its fields (from → to); unchanged and kept items counted.
 *
 * @param props
 * @param props.changes `changes` of the import result.
 */
export function ConfigDiffList( { changes }: { changes: ConfigChange[] } ) {
	const groups = groupChanges( changes );
	return (
		<div data-testid="config-diff">
			{ groups.map( ( group ) => (
				<div key={ group.type } className="sophmate-config__group">
					<h3>{ group.label }</h3>
					{ group.items.map( ( item ) => (
						<div key={ item.id } className="sophmate-config__item">
							<div className="sophmate-config__item-head">
								<strong>{ item.id }</strong>
								<span
									className={ `sophmate-config__change is-${ item.change }` }
								>
									{ changeLabel( item.change ) }
								</span>
							</div>
							{ item.fields.length > 0 && (
								<ul className="sophmate-config__fields">
									{ item.fields.map( ( field ) => (
										<li key={ field.path }>
											<code>{ field.path }</code>
											{ ': ' }
											{ item.change === 'added'
												? formatValue( field.to )
												: `${ formatValue(
														field.from
													) } → ${ formatValue(
														field.to
													) }` }
										</li>
									) ) }
								</ul>
							) }
						</div>
					) ) }
					<p className="sophmate-config__muted">
						{ group.unchanged > 0 &&
							sprintf(
								/* translators: %d: number of unchanged items */
								__( '%d unchanged.', 'sophmate-safe-mode' ),
								group.unchanged
							) }{ ' ' }
						{ group.notInFile.length > 0 &&
							sprintf(
								/* translators: %s: comma-separated ids */
								__(
									'Not in the file, kept as they are: %s.',
									'sophmate-safe-mode'
								),
								group.notInFile.join( ', ' )
							) }
					</p>
				</div>
			) ) }
		</div>
	);
}
