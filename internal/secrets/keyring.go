// Package secrets encrypts personal data for storage with AES-GCM and makes
// keyed hashes for equality look-ups. Every ciphertext names the key that
// made it, so keys can rotate while old values stay readable.
package secrets

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Keyring holds the data keys by id, the id of the key that encrypts new
// values, and the key for hashes, which does not rotate: hashes must stay
// comparable across rotations.
type Keyring struct {
	current string
	aeads   map[string]cipher.AEAD
	hashKey []byte
}

// ErrNoKey is returned for a ciphertext whose key is not in the ring.
var ErrNoKey = errors.New("the key that encrypted this value is not configured")

// New builds a keyring from "id:base64key" entries (32-byte keys), the id of
// the current key and a base64 hash key of at least 32 bytes.
func New(keys []string, current, hashKey string) (*Keyring, error) {
	k := &Keyring{current: current, aeads: map[string]cipher.AEAD{}}
	for _, entry := range keys {
		id, b64, ok := strings.Cut(strings.TrimSpace(entry), ":")
		if !ok || id == "" || strings.ContainsAny(id, ":.") {
			return nil, fmt.Errorf("data key entry must be id:base64key, with an id free of ':' and '.'")
		}
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || len(raw) != 32 {
			return nil, fmt.Errorf("data key %q must be 32 bytes, base64-encoded", id)
		}
		block, err := aes.NewCipher(raw)
		if err != nil {
			return nil, err
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, err
		}
		k.aeads[id] = aead
	}
	if _, ok := k.aeads[current]; !ok {
		return nil, fmt.Errorf("the current data key %q is not among the configured keys", current)
	}
	hk, err := base64.StdEncoding.DecodeString(hashKey)
	if err != nil || len(hk) < 32 {
		return nil, fmt.Errorf("the hash key must be at least 32 bytes, base64-encoded")
	}
	k.hashKey = hk
	return k, nil
}

// GenerateKey returns a new random 32-byte key, base64-encoded.
func GenerateKey() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(b), nil
}

// Current is the id of the key that encrypts new values.
func (k *Keyring) Current() string { return k.current }

// KeyIDs lists the configured key ids.
func (k *Keyring) KeyIDs() []string {
	ids := make([]string, 0, len(k.aeads))
	for id := range k.aeads {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Encrypt seals plaintext under the current key as "keyid.base64(nonce|ciphertext)".
// field is bound as associated data, so a value copied into another column
// does not decrypt. The empty string stays empty.
func (k *Keyring) Encrypt(field, plaintext string) (string, error) {
	if plaintext == "" {
		return "", nil
	}
	aead := k.aeads[k.current]
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	sealed := aead.Seal(nonce, nonce, []byte(plaintext), []byte(field))
	return k.current + "." + base64.RawStdEncoding.EncodeToString(sealed), nil
}

// Decrypt opens a value made by Encrypt under any configured key.
func (k *Keyring) Decrypt(field, value string) (string, error) {
	if value == "" {
		return "", nil
	}
	id, b64, ok := strings.Cut(value, ".")
	if !ok {
		return "", errors.New("value is not in keyid.ciphertext form")
	}
	aead, found := k.aeads[id]
	if !found {
		return "", fmt.Errorf("%w (key id %q)", ErrNoKey, id)
	}
	// Strict: a lenient decoder ignores the last character's spare bits, so
	// two spellings would open to one value.
	raw, err := base64.RawStdEncoding.Strict().DecodeString(b64)
	if err != nil || len(raw) < aead.NonceSize() {
		return "", errors.New("ciphertext is malformed")
	}
	pt, err := aead.Open(nil, raw[:aead.NonceSize()], raw[aead.NonceSize():], []byte(field))
	if err != nil {
		return "", fmt.Errorf("decrypt %s: %w", field, err)
	}
	return string(pt), nil
}

// KeyOf returns the id of the key that encrypted value, or "" for an empty value.
func KeyOf(value string) string {
	id, _, _ := strings.Cut(value, ".")
	if value == "" {
		return ""
	}
	return id
}

// Hash is a keyed hash of a normalised value, for equality look-ups of
// values that are stored only encrypted.
func (k *Keyring) Hash(kind, value string) string {
	m := hmac.New(sha256.New, k.hashKey)
	m.Write([]byte(kind + "\x00" + strings.ToUpper(strings.TrimSpace(value))))
	return hex.EncodeToString(m.Sum(nil))
}
