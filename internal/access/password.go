package access

import "github.com/alexedwards/argon2id"

// Argon2id hashes passwords with argon2id in the PHC string format, which
// carries its own parameters so they can be raised later without a migration.
type Argon2id struct{ Params *argon2id.Params }

// DefaultArgon2id uses the library's recommended parameters (64 MiB, 1 pass).
func DefaultArgon2id() Argon2id { return Argon2id{Params: argon2id.DefaultParams} }

func (h Argon2id) Hash(p string) (string, error) { return argon2id.CreateHash(p, h.Params) }

func (h Argon2id) Verify(p, hash string) (bool, error) {
	return argon2id.ComparePasswordAndHash(p, hash)
}
