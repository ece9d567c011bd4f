<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Storage\RunRepository;

/**
 * The inbound REST plane: webhooks that start automation answer 503 with Retry-After while
 * their automation is blocked, so the sender retries later instead of the work running now.
 */
final class RestInboundGate
{
    public const RETRY_AFTER_SECONDS = 300;

    public function __construct(
        private readonly Catalog $catalog,
        private readonly Gate $gate,
        private readonly RunRepository $runs,
        private readonly Clock $clock,
    ) {
    }

    public function register(): void
    {
        add_filter('rest_pre_dispatch', [$this, 'before_dispatch'], 5, 3);
        add_filter('rest_post_dispatch', [$this, 'add_retry_after'], 10, 3);
    }

    /**
     * @param mixed $result
     * @return mixed
     */
    public function before_dispatch($result, \WP_REST_Server $server, \WP_REST_Request $request)
    {
        if ($result !== null) {
            return $result;
        }
        $route = $request->get_route();
        foreach ($this->catalog->automations() as $automation) {
            foreach ($automation->rest_routes as $pattern) {
                if (preg_match('@^' . $pattern . '$@i', $route) !== 1) {
                    continue;
                }
                $decision = $this->gate->decide_for($automation, 'webhook');
                if ($decision->allows_run()) {
                    continue;
                }
                $this->runs->create($automation->id, $automation->category, 'webhook', RunStatus::Skipped, false, 1, $decision->scope(), $decision->reason(), ['route' => $route, 'method' => $request->get_method()], $this->clock->now());
                return new \WP_Error(
                    'sophmate_paused',
                    sprintf('"%s" is paused: %s Retry later.', $automation->label, $decision->reason()),
                    ['status' => 503, 'automation' => $automation->id, 'retry_after' => self::RETRY_AFTER_SECONDS]
                );
            }
        }
        return $result;
    }

    /**
     * @param \WP_HTTP_Response $response
     * @return \WP_HTTP_Response
     */
    public function add_retry_after($response, \WP_REST_Server $server, \WP_REST_Request $request)
    {
        if ($response instanceof \WP_REST_Response && $response->get_status() === 503) {
            $data = $response->get_data();
            if (is_array($data) && ($data['code'] ?? '') === 'sophmate_paused') {
                $response->header('Retry-After', (string) self::RETRY_AFTER_SECONDS);
            }
        }
        return $response;
    }
}
