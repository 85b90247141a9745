package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/secrets"
)

// cmdKeygen prints a fresh set of keys; `make run` keeps one in .local/keys.env.
func cmdKeygen(out io.Writer) error {
	data, err := secrets.GenerateKey()
	if err != nil {
		return err
	}
	hash, err := secrets.GenerateKey()
	if err != nil {
		return err
	}
	id := "k" + time.Now().UTC().Format("20060102")
	fmt.Fprintf(out, "FLOWCARE_DATA_KEYS=%s:%s\nFLOWCARE_DATA_KEY_ID=%s\nFLOWCARE_HASH_KEY=%s\n", id, data, id, hash)
	return nil
}

// cmdRotateKeys re-encrypts, batch by batch, every personal value not under
// the current key. Add the new key to FLOWCARE_DATA_KEYS, make it current
// with FLOWCARE_DATA_KEY_ID, run this, then retire the old key.
func cmdRotateKeys(ctx context.Context, cfg Config, out io.Writer, args []string) error {
	fs := flag.NewFlagSet("rotate-keys", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	batch := fs.Int("batch", 200, "children per transaction")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *batch < 1 || *batch > 5000 {
		return usageError{"--batch must be between 1 and 5000"}
	}
	if _, err := cfg.keyring(); err != nil {
		return err
	}
	a, err := newApp(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.db.Close()
	start, total := time.Now(), 0
	for {
		n := 0
		err := a.db.InTx(ctx, func(tx flowcare.Tx) error {
			var err error
			n, err = tx.Children().ReencryptBatch(ctx, *batch)
			return err
		})
		if err != nil {
			return fmt.Errorf("re-encrypt after %d children: %w", total, err)
		}
		if n == 0 {
			break
		}
		total += n
		fmt.Fprintf(out, "rotate-keys: %d children re-encrypted under %s (%.1fs)\n", total, cfg.DataKeyID, time.Since(start).Seconds())
	}
	fmt.Fprintf(out, "rotate-keys: done, %d children re-encrypted; every value is now under %s\n", total, cfg.DataKeyID)
	return nil
}
