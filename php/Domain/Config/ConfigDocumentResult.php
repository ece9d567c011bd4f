<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

/**
 * The outcome of reading an incoming document: every error found (not just the first), warnings
 * that do not stop the import, and the configuration the site would have once it is applied.
 */
final class ConfigDocumentResult
{
    /**
     * @param list<array{path:string,code:string,message:string}> $errors
     * @param list<string> $warnings
     * @param array{environment:string,site:string,exported_at:string} $source where the file says it came from
     * @param array<string,list<string>> $in_file ids each section of the file names, by type
     * @param list<array{type:string,id:string,change:string,fields:list<array{path:string,from:mixed,to:mixed}>}> $skipped
     *        differences the import reports but does not apply (code-registered automations)
     */
    public function __construct(
        public readonly array $errors,
        public readonly array $warnings,
        public readonly ?ConfigDocumentState $target,
        public readonly array $source,
        public readonly array $in_file = [],
        public readonly array $skipped = [],
    ) {
    }

    public function is_valid(): bool
    {
        return $this->errors === [] && $this->target !== null;
    }
}
