package model

import (
	"bytes"
	"testing"
	"time"

	"pledgegraph"
)

func TestUnmarshalTime(t *testing.T) {
	tests := []struct {
		in   any
		want time.Time
		code string
	}{
		{"2026-01-06T18:30:00Z", time.Date(2026, 1, 6, 18, 30, 0, 0, time.UTC), ""},
		{"2026-01-06T18:30:00.5+02:00", time.Date(2026, 1, 6, 16, 30, 0, 5e8, time.UTC), ""},
		{"2026-01-06", time.Date(2026, 1, 6, 0, 0, 0, 0, time.UTC), ""},
		{"06/01/2026", time.Time{}, pledgegraph.EINVALID},
		{"", time.Time{}, pledgegraph.EINVALID},
		{12345, time.Time{}, pledgegraph.EINVALID},
		{nil, time.Time{}, pledgegraph.EINVALID},
	}
	for _, tt := range tests {
		got, err := UnmarshalTime(tt.in)
		if code := pledgegraph.ErrorCode(err); code != tt.code || !got.Equal(tt.want) {
			t.Errorf("UnmarshalTime(%#v) = %v, %v; want %v, code %q", tt.in, got, err, tt.want, tt.code)
		}
	}
}

func TestMarshalTime(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2026, 1, 6, 18, 30, 0, 0, time.UTC), `"2026-01-06T18:30:00Z"`},
		{time.Date(2026, 1, 6, 18, 30, 0, 0, time.FixedZone("", 3600)), `"2026-01-06T18:30:00+01:00"`},
		{time.Time{}, `null`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		MarshalTime(tt.in).MarshalGQL(&b)
		if b.String() != tt.want {
			t.Errorf("MarshalTime(%v) = %s, want %s", tt.in, b.String(), tt.want)
		}
	}
}
