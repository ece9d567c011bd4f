<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Admin\ChunkTranslations;

/** Strings in the admin app's lazy chunks get their translations, found the way WordPress finds a script's. */
final class ChunkTranslationsTest extends IntegrationTestCase
{
    private string $json = '';
    /** @var list<string> */
    private array $asked = [];

    protected function tearDown(): void
    {
        remove_all_filters('load_script_translation_file');
        if ($this->json !== '' && is_file($this->json)) {
            unlink($this->json);
        }
        parent::tearDown();
    }

    public function test_each_lazy_chunk_is_looked_up_by_its_own_path_and_its_strings_reach_wp_i18n(): void
    {
        $build = plugin_dir_path(SOPHMATE_SAFE_MODE_FILE) . 'build/';
        self::assertFileExists($build . 'review.js', 'npm test builds the admin app first');
        $this->json = (string) tempnam(sys_get_temp_dir(), 'sophmate-i18n');
        file_put_contents($this->json, (string) wp_json_encode([
            'locale_data' => ['messages' => ['' => ['domain' => 'messages', 'lang' => 'de_DE'], 'Restart review: %s' => ['Neustart-Prüfung: %s']]],
        ]));
        add_filter('load_script_translation_file', function ($file, $handle, $domain) {
            $this->asked[] = $handle . ' ' . basename((string) $file);
            return $handle === 'sophmate-safe-mode-chunk-review' && $domain === 'sophmate-safe-mode' ? $this->json : $file;
        }, 10, 3);

        $script = ChunkTranslations::inline_script($build, plugins_url('build/', SOPHMATE_SAFE_MODE_FILE), 'test');

        $review_lookup = array_values(array_filter($this->asked, static fn ($a) => str_starts_with($a, 'sophmate-safe-mode-chunk-review ')));
        self::assertNotEmpty($review_lookup);
        self::assertStringContainsString(md5('build/review.js'), $review_lookup[0], 'found by the md5 of its path, like any script');
        self::assertEmpty(array_filter($this->asked, static fn ($a) => str_starts_with($a, 'sophmate-safe-mode-chunk-index ')), 'the entry is left to wp_set_script_translations');
        self::assertStringContainsString('wp.i18n.setLocaleData', $script);
        self::assertStringContainsString('"sophmate-safe-mode"', $script);
        self::assertStringContainsString('Neustart-Pr\u00fcfung', $script);
        self::assertSame(1, substr_count($script, 'setLocaleData'), 'chunks without a translation file add nothing');
    }
}
