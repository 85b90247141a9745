package secrets_test

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"flowcare/internal/secrets"
)

func ring(t *testing.T, current string, keys ...string) *secrets.Keyring {
	t.Helper()
	k, err := secrets.New(keys, current, "aGFzaC1rZXktZm9yLXRlc3RzLW9ubHktMzItYnl0ZXMhIQ==")
	if err != nil {
		t.Fatal(err)
	}
	return k
}

const (
	k1 = "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
	k2 = "k2:ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="
)

func TestEncryptDecryptAndRotate(t *testing.T) {
	old := ring(t, "k1", k1)
	ct, err := old.Encrypt("children.name", "张小明")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ct, "张小明") || !strings.HasPrefix(ct, "k1.") {
		t.Fatalf("ciphertext %q", ct)
	}
	again, _ := old.Encrypt("children.name", "张小明")
	if again == ct {
		t.Error("two encryptions of one value are equal: the nonce is not random")
	}
	// After rotation the old value still opens, new values use the new key.
	rotated := ring(t, "k2", k1, k2)
	if pt, err := rotated.Decrypt("children.name", ct); err != nil || pt != "张小明" {
		t.Fatalf("decrypt under rotated ring = %q, %v", pt, err)
	}
	nct, _ := rotated.Encrypt("children.name", "张小明")
	if secrets.KeyOf(nct) != "k2" {
		t.Fatalf("new value under key %q", secrets.KeyOf(nct))
	}
	// A value moved to another column does not open there.
	if _, err := rotated.Decrypt("guardians.phone", ct); err == nil {
		t.Error("a value decrypted under another field")
	}
	// A ring without the old key says which key is missing.
	if _, err := ring(t, "k2", k2).Decrypt("children.name", ct); !errors.Is(err, secrets.ErrNoKey) {
		t.Errorf("missing key: %v", err)
	}
	// Tampering with any byte of the sealed value is detected. The bytes are
	// changed after decoding: changing base64 characters may spell the same bytes.
	id, b64, _ := strings.Cut(ct, ".")
	raw, err := base64.RawStdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, len(raw) / 2, len(raw) - 1} {
		bad := append([]byte(nil), raw...)
		bad[i] ^= 0x01
		if _, err := old.Decrypt("children.name", id+"."+base64.RawStdEncoding.EncodeToString(bad)); err == nil {
			t.Errorf("a value with byte %d flipped decrypted", i)
		}
	}
	// A second spelling of the same bytes (the last character's spare low bits
	// set) is refused, not silently read as the original.
	if spare := nonCanonical(b64); spare != "" {
		if _, err := old.Decrypt("children.name", id+"."+spare); err == nil {
			t.Error("a non-canonical spelling of the ciphertext decrypted")
		}
	}
	if v, _ := old.Encrypt("x", ""); v != "" {
		t.Error("empty value encrypted to something")
	}
}

func TestHashIsKeyedAndNormalised(t *testing.T) {
	a := ring(t, "k1", k1)
	b := ring(t, "k2", k1, k2)
	if a.Hash("id", "11010520150101001x") != b.Hash("id", " 11010520150101001X ") {
		t.Error("hash changes with rotation or case/space")
	}
	other, _ := secrets.New([]string{k1}, "k1", "b3RoZXItaGFzaC1rZXktMzItYnl0ZXMtbG9uZy0tLS0tLQ==")
	if other.Hash("id", "110105201501010012") == a.Hash("id", "110105201501010012") {
		t.Error("hash does not depend on the key")
	}
}

func TestNewRefusesBadKeys(t *testing.T) {
	for _, c := range []struct {
		keys    []string
		current string
	}{
		{[]string{"k1:c2hvcnQ="}, "k1"},
		{[]string{k1}, "k9"},
		{[]string{"nokey"}, "nokey"},
	} {
		if _, err := secrets.New(c.keys, c.current, "aGFzaC1rZXktZm9yLXRlc3RzLW9ubHktMzItYnl0ZXMhIQ=="); err == nil {
			t.Errorf("accepted keys %v current %s", c.keys, c.current)
		}
	}
}

// nonCanonical returns b64 with the spare low bits of its last character set,
// or "" when its length leaves no spare bits.
func nonCanonical(b64 string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var spare int
	switch len(b64) % 4 {
	case 2:
		spare = 0x0f
	case 3:
		spare = 0x03
	default:
		return ""
	}
	last := strings.IndexByte(alphabet, b64[len(b64)-1])
	return b64[:len(b64)-1] + string(alphabet[last|spare])
}
