<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain;

/**
 * Who did something. Kept as a snapshot (login and display name at the time) so the audit trail
 * stays readable after a user is renamed or deleted.
 */
final class Actor
{
    public function __construct(
        public readonly int $id,
        public readonly string $login,
        public readonly string $name,
    ) {
    }

    public static function system(string $name = 'system'): self
    {
        return new self(0, $name, $name);
    }

    public function is_system(): bool
    {
        return $this->id === 0;
    }

    /** @return array{id:int,login:string,name:string}|null */
    public function to_array(): ?array
    {
        if ($this->is_system() && $this->login === 'system') {
            return null;
        }
        return ['id' => $this->id, 'login' => $this->login, 'name' => $this->name];
    }

    /** @param mixed $data */
    public static function from_array($data): self
    {
        if (!is_array($data)) {
            return self::system();
        }
        return new self((int) ($data['id'] ?? 0), (string) ($data['login'] ?? 'system'), (string) ($data['name'] ?? ''));
    }
}
