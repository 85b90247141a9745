package scalar

import (
	"context"
	"io"

	"github.com/99designs/gqlgen/graphql"

	"flowcare/internal/flowcare"
)

// MarshalUpload writes a file's content; no field returns one. Being a
// context marshaler lets UnmarshalUpload see the input it reads.
func MarshalUpload(f graphql.Upload) graphql.ContextMarshaler {
	return graphql.ContextWriterFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.Copy(w, f.File)
		return err
	})
}

// UnmarshalUpload takes a file only as a part of a GraphQL multipart
// request; anything else in its place, such as base64 text inside a JSON
// body, is the client's mistake and names its field.
func UnmarshalUpload(ctx context.Context, v any) (graphql.Upload, error) {
	if f, ok := v.(graphql.Upload); ok {
		return f, nil
	}
	return graphql.Upload{}, flowcare.Invalid(inputField(ctx), "文件需以上传方式发送（GraphQL multipart 请求），不能写在 JSON 中")
}
