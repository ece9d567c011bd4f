import { CheckboxControl, PanelBody } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';

import type { ReviewCheck } from '../../api/review';

interface ReviewSectionProps {
	check: ReviewCheck;
	index: number;
	opened: boolean;
	acknowledged: boolean;
	onOpen: () => void;
	onAcknowledge: ( value: boolean ) => void;
	children: ReactNode;
}

/**
 * One of the six review items: the server's verdict in words, the evidence
 * (collapsed until opened), and the acknowledgement, which can only be ticked
 * once the evidence was opened: a restart review is reading, not clicking.
 *
 * @param props
 * @param props.check         The server's check for this item.
 * @param props.index         Position (1–6).
 * @param props.opened        Whether the evidence was opened at least once.
 * @param props.acknowledged  Whether the operator ticked it.
 * @param props.onOpen        Called when the evidence is opened.
 * @param props.onAcknowledge Called with the new checkbox value.
 * @param props.children      The evidence.
 */
export function ReviewSection( {
	check,
	index,
	opened,
	acknowledged,
	onOpen,
	onAcknowledge,
	children,
}: ReviewSectionProps ) {
	const verdict = check.ok
		? __( 'OK', 'sophmate-safe-mode' )
		: __( 'Needs attention', 'sophmate-safe-mode' );
	return (
		<section
			className={ `sophmate-review__section is-${
				check.ok ? 'ok' : 'attention'
			}` }
			data-testid={ `review-section-${ check.id }` }
			aria-labelledby={ `review-heading-${ check.id }` }
		>
			<h3
				id={ `review-heading-${ check.id }` }
				className="sophmate-review__heading"
			>
				<span>{ `${ index }. ${ check.label }` }</span>
				<span className="sophmate-review__verdict">{ verdict }</span>
			</h3>
			<p className="sophmate-review__detail">{ check.detail }</p>
			<PanelBody
				title={ sprintf(
					/* translators: %s: review item, e.g. "Failed steps". */
					__( 'Evidence: %s', 'sophmate-safe-mode' ),
					check.label
				) }
				initialOpen={ false }
				onToggle={ ( next: boolean ) => {
					if ( next ) {
						onOpen();
					}
				} }
			>
				{ children }
			</PanelBody>
			<CheckboxControl
				__nextHasNoMarginBottom
				label={ sprintf(
					/* translators: %s: review item, e.g. "failed steps". */
					__( 'I reviewed: %s', 'sophmate-safe-mode' ),
					check.label
				) }
				help={
					opened
						? undefined
						: __(
								'Open the evidence above first.',
								'sophmate-safe-mode'
							)
				}
				checked={ acknowledged }
				disabled={ ! opened }
				onChange={ onAcknowledge }
			/>
		</section>
	);
}
