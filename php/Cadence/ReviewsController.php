<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cadence;

use SophMate\SafeMode\Domain\Cadence\DueReason;
use SophMate\SafeMode\Domain\Cadence\Escalation;
use SophMate\SafeMode\Domain\Cadence\ReviewRecord;
use SophMate\SafeMode\Domain\Cadence\ReviewView;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Rest\RequestSource;
use SophMate\SafeMode\Rest\Schemas;
use SophMate\SafeMode\Services;

/**
 * /reviews and /categories/{slug}/cadence: each category's next review, why it is due, the last
 * review and open escalations; marking a review done; running the daily digest on demand.
 */
final class ReviewsController extends Controller
{
    private const SLUG = '(?P<slug>[^/]+)';

    public function __construct(Services $services, private readonly CadenceService $cadence, private readonly DailyReview $daily)
    {
        parent::__construct($services);
    }

    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/reviews', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(fn () => $this->all()),
                'permission_callback' => [$this, 'can_view'],
            ],
            'schema' => fn (): array => ['$schema' => 'http://json-schema.org/draft-04/schema#', 'title' => 'sophmate-reviews', 'type' => 'array', 'items' => self::cadence_schema()],
        ]);
        register_rest_route($this->namespace, '/categories/' . self::SLUG . '/cadence', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn (\WP_REST_Request $r) => $this->respond(fn () => $this->one((string) $r->get_param('slug'))),
                'permission_callback' => [$this, 'can_view'],
            ],
            'schema' => fn (): array => ['$schema' => 'http://json-schema.org/draft-04/schema#', 'title' => 'sophmate-cadence'] + self::cadence_schema(),
        ]);
        register_rest_route($this->namespace, '/categories/' . self::SLUG . '/reviews', [
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => [$this, 'mark_done'],
                'permission_callback' => [$this, 'can_mark_done'],
                'args' => [
                    'note' => ['type' => 'string', 'required' => true, 'description' => 'What was reviewed and found; required, not empty.'],
                    'reviewed' => ['type' => 'array', 'items' => ['type' => 'string', 'enum' => ReviewRecord::ITEMS], 'default' => [], 'description' => 'What the reviewer looked at.'],
                ],
            ],
            'schema' => fn (): array => ['$schema' => 'http://json-schema.org/draft-04/schema#', 'title' => 'sophmate-cadence'] + self::cadence_schema(),
        ]);
        register_rest_route($this->namespace, '/reviews/digest', [
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => fn (\WP_REST_Request $r) => $this->respond(fn () => $this->daily->run((bool) $r->get_param('dry_run'))),
                'permission_callback' => [$this, 'can_manage'],
                'args' => [
                    'dry_run' => ['type' => 'boolean', 'default' => false, 'description' => 'Compose without firing or logging anything.'],
                ],
            ],
            'schema' => [$this, 'digest_schema'],
        ]);
    }

    /** Managers, or the owner or backup owner of the category. */
    public function can_mark_done(\WP_REST_Request $request): bool|\WP_Error
    {
        // The category in the URL: core also runs this check for an OPTIONS request's Allow header,
        // with body and query values nobody validated.
        $slug = $request->get_url_params()['slug'] ?? null;
        if (current_user_can(Plugin::CAP_MANAGE) || (is_string($slug) && $this->cadence->owns($slug, get_current_user_id()))) {
            return true;
        }
        return $this->forbidden();
    }

    public function mark_done(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $slug = (string) $request->get_param('slug');
            $this->services->catalog->category($slug); // 404 before validating the body.
            $body = (array) ($request->get_json_params() ?: $request->get_body_params());
            $this->cadence->mark_done($slug, $body['note'] ?? $request->get_param('note'), $body['reviewed'] ?? [], $this->services->actors->current(), RequestSource::current()->value);
            return $this->one($slug);
        });
    }

    /** @return list<array<string,mixed>> */
    private function all(): array
    {
        $by_category = [];
        foreach ($this->cadence->escalations() as $escalation) {
            $by_category[$escalation->category][] = $this->escalation_row($escalation);
        }
        $out = [];
        foreach ($this->cadence->views() as $slug => $view) {
            $out[] = self::row($view, $by_category[$slug] ?? []);
        }
        return $out;
    }

    /** @return array<string,mixed> */
    private function one(string $slug): array
    {
        $view = $this->cadence->view($slug);
        return self::row($view, array_map(fn (Escalation $e): array => $this->escalation_row($e), $this->cadence->escalations($slug)));
    }

    /** @return array<string,mixed> */
    private function escalation_row(Escalation $escalation): array
    {
        return $escalation->to_array() + ['url' => $this->cadence->link($escalation)];
    }

    /**
     * @param list<array<string,mixed>> $escalations
     * @return array<string,mixed>
     */
    private static function row(ReviewView $view, array $escalations): array
    {
        return $view->to_array() + ['escalations' => $escalations];
    }

    /** @return array<string,mixed> */
    public static function cadence_schema(): array
    {
        $time = ['type' => 'string', 'format' => 'date-time'];
        return [
            'type' => 'object',
            'properties' => [
                'category' => ['type' => 'string'],
                'next_review_at' => ['type' => ['string', 'null'], 'format' => 'date-time', 'description' => 'Null when the category never ran and was never reviewed.'],
                'overdue' => ['type' => 'boolean'],
                'review_every_days' => ['type' => 'integer'],
                'due_reasons' => [
                    'type' => 'array',
                    'items' => [
                        'type' => 'object',
                        'properties' => [
                            'reason' => ['type' => 'string', 'enum' => DueReason::ALL],
                            'at' => $time,
                            'detail' => ['type' => 'string'],
                        ],
                    ],
                ],
                'last_review' => [
                    'type' => ['object', 'null'],
                    'properties' => [
                        'at' => $time,
                        'actor' => Schemas::actor(),
                        'note' => ['type' => 'string'],
                        'reviewed' => ['type' => 'array', 'items' => ['type' => 'string', 'enum' => ReviewRecord::ITEMS]],
                    ],
                ],
                'escalations' => ['type' => 'array', 'items' => self::escalation_schema()],
            ],
        ];
    }

    /** @return array<string,mixed> */
    public static function escalation_schema(): array
    {
        return [
            'type' => 'object',
            'properties' => [
                'category' => ['type' => 'string'],
                'problem' => ['type' => 'string', 'enum' => array_keys(Escalation::LABELS)],
                'label' => ['type' => 'string'],
                'detail' => ['type' => 'string'],
                'since' => ['type' => 'string', 'format' => 'date-time'],
                'scope' => ['type' => ['string', 'null']],
                'url' => ['type' => 'string'],
            ],
        ];
    }

    /** @return array<string,mixed> */
    public function digest_schema(): array
    {
        $item = ['type' => 'object', 'properties' => ['category' => ['type' => 'string'], 'problem' => ['type' => 'string'], 'detail' => ['type' => 'string'], 'url' => ['type' => 'string']]];
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-review-digest',
            'type' => 'object',
            'properties' => [
                'day' => ['type' => 'string', 'description' => 'The UTC day the digests count against.'],
                'dry_run' => ['type' => 'boolean'],
                'escalations' => ['type' => 'array', 'items' => self::escalation_schema()],
                'digests' => [
                    'type' => 'array',
                    'items' => [
                        'type' => 'object',
                        'properties' => [
                            'channel' => ['type' => 'string', 'enum' => ['email', 'webhook']],
                            'target' => ['type' => 'string'],
                            'subject' => ['type' => 'string'],
                            'text' => ['type' => 'string'],
                            'items' => ['type' => 'array', 'items' => $item],
                            'level' => ['type' => 'string', 'enum' => ['owner', 'backup_owner', 'administrator']],
                        ],
                    ],
                ],
                'already_sent' => ['type' => 'array', 'items' => ['type' => 'string'], 'description' => 'channel:target that already had today\'s digest.'],
            ],
        ];
    }
}
