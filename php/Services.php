<?php

declare(strict_types=1);

namespace SophMate\SafeMode;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Decision\DecisionEngine;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Review\RestartReview;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\SwitchService;
use SophMate\SafeMode\Domain\SystemClock;
use SophMate\SafeMode\Enforcement\ActionsListener;
use SophMate\SafeMode\Enforcement\CronGate;
use SophMate\SafeMode\Enforcement\EmergencySwitch;
use SophMate\SafeMode\Enforcement\FailClosedRecorder;
use SophMate\SafeMode\Enforcement\Gate;
use SophMate\SafeMode\Enforcement\Maintenance;
use SophMate\SafeMode\Enforcement\OutboundHttpGate;
use SophMate\SafeMode\Enforcement\RestInboundGate;
use SophMate\SafeMode\Enforcement\RetryScheduler;
use SophMate\SafeMode\Enforcement\RunContext;
use SophMate\SafeMode\Enforcement\RunStarter;
use SophMate\SafeMode\Enforcement\ShutdownRecorder;
use SophMate\SafeMode\Enforcement\TrialBreaker;
use SophMate\SafeMode\Review\EvidenceCollector;
use SophMate\SafeMode\Storage\DatabaseTransaction;
use SophMate\SafeMode\Storage\OptionAutomationRepository;
use SophMate\SafeMode\Storage\OptionCategoryRepository;
use SophMate\SafeMode\Storage\OptionProviderRepository;
use SophMate\SafeMode\Storage\OptionSwitchStateStore;
use SophMate\SafeMode\Storage\Schema\Schema;
use SophMate\SafeMode\Storage\Schema\SchemaHealth;
use SophMate\SafeMode\Storage\Settings;
use SophMate\SafeMode\Storage\TableDrillLog;
use SophMate\SafeMode\Storage\TableAuditLog;
use SophMate\SafeMode\Storage\TableRunRepository;
use SophMate\SafeMode\Support\Actors;

/**
 * The object graph, built once per request. Constructing it touches neither the database nor
 * WordPress hooks: storage is read lazily, and hooks are added by Plugin.
 */
final class Services
{
    public readonly Clock $clock;
    public readonly Schema $schema;
    public readonly OptionSwitchStateStore $switch_store;
    public readonly OptionCategoryRepository $categories;
    public readonly Catalog $catalog;
    public readonly TableAuditLog $audit;
    public readonly TableRunRepository $runs;
    public readonly EmergencySwitch $emergency;
    public readonly Gate $gate;
    public readonly SwitchService $switches;
    public readonly RunStarter $run_starter;
    public readonly Actors $actors;
    public readonly Registrar $registrar;
    public readonly StatusReport $status;
    public readonly CronGate $cron_gate;
    public readonly RunContext $run_context;
    public readonly ShutdownRecorder $shutdown;
    public readonly Settings $settings;
    public readonly OptionAutomationRepository $stored_automations;
    public readonly RetryScheduler $retries;
    public readonly FailClosedRecorder $fail_closed;
    public readonly Maintenance $maintenance;
    public readonly OptionProviderRepository $providers;
    public readonly OutboundHttpGate $outbound_gate;
    public readonly RestInboundGate $inbound_gate;
    public readonly EvidenceCollector $evidence;
    public readonly TrialBreaker $trial_breaker;
    public readonly TableDrillLog $drills;
    public readonly SchemaHealth $schema_health;

    public function __construct(\wpdb $db, string $content_dir)
    {
        $this->clock = new SystemClock();
        $this->schema = new Schema($db);
        $this->switch_store = new OptionSwitchStateStore($db);
        $this->categories = new OptionCategoryRepository();
        $categories = $this->categories;
        $this->catalog = new Catalog(static fn (): array => $categories->all());
        $this->audit = new TableAuditLog($db, $this->schema);
        $this->runs = new TableRunRepository($db, $this->schema);
        $this->emergency = new EmergencySwitch($content_dir);
        $this->schema_health = new SchemaHealth($db, $this->schema);
        $this->gate = new Gate($this->catalog, $this->switch_store, $this->emergency, new DecisionEngine($this->runs), $this->schema_health);
        $switch_store = $this->switch_store;
        $this->switches = new SwitchService($this->switch_store, $this->audit, $this->catalog, $this->runs, $this->clock, [new ActionsListener()], new DatabaseTransaction($db, [static fn () => $switch_store->forget_cached_option()]));
        $this->run_context = new RunContext();
        $this->providers = new OptionProviderRepository();
        $this->settings = new Settings();
        $this->stored_automations = new OptionAutomationRepository();
        $this->retries = new RetryScheduler($this->catalog);
        $this->maintenance = new Maintenance($this->runs, $this->settings, $this->clock, $this->schema_health, $this->retries);
        $this->fail_closed = new FailClosedRecorder($this->switch_store, $this->audit, $this->clock);
        $this->shutdown = new ShutdownRecorder($this->run_context, $this->runs, $this->clock, $this->retries);
        $this->run_starter = new RunStarter($this->catalog, $this->gate, $this->runs, $this->clock, $this->run_context, $this->retries, $this->schema_health);
        $this->outbound_gate = new OutboundHttpGate($this->switch_store, $this->emergency, $this->providers, $this->run_context, $this->gate, $this->runs, $this->clock);
        $this->inbound_gate = new RestInboundGate($this->catalog, $this->gate, $this->runs, $this->clock);
        $this->actors = new Actors();
        $this->registrar = new Registrar($this->catalog, $this->actors);
        $this->cron_gate = new CronGate($this->catalog, $this->gate, $this->runs, $this->clock, $this->run_context);
        $this->status = new StatusReport($this->catalog, $this->switch_store, $this->emergency, $this->gate, $this->actors, $this->runs, $this->clock, $this->schema_health);
        $this->evidence = new EvidenceCollector($this->switch_store, $this->catalog, $this->runs, $this->audit, $this->providers, $this->clock);
        $this->trial_breaker = new TrialBreaker($this->switch_store, $this->catalog, $this->runs, $this->switches);
        $this->drills = new TableDrillLog($db, $this->schema);
    }

    /**
     * The review a restart of $scope is made on, from request or command input.
     *
     * @param mixed $override_reason
     * @param mixed $seen_hash
     */
    public function restart_review(Scope $scope, $override_reason, $seen_hash): ?RestartReview
    {
        try {
            $evidence = $this->evidence->collect($scope);
        } catch (Conflict) {
            return null; // Not paused: the switch service refuses the restart with its own message.
        }
        if ($seen_hash !== null && (!is_string($seen_hash) || preg_match('/^[0-9a-f]{64}$/', $seen_hash) !== 1)) {
            throw new InvalidInput('sophmate_invalid_review_hash', 'review_hash must be the snapshot.hash of GET …/review: 64 hexadecimal characters.');
        }
        return new RestartReview($evidence, is_string($override_reason) ? $override_reason : null, $seen_hash);
    }
}
