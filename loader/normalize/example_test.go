package normalize_test

import (
	"fmt"

	"pledgegraph/loader/normalize"
)

func ExampleNormalize() {
	raw := "Envoys back truce plan\n" +
		"GENEVA, May 2 (wire) -- The envoyâs aides called it âa first stepâ.\n" +
		"Envoys meet in Geneva on Tuesday [Photo: Ana Ruiz/Wire Pool]\n" +
		"Recommended Stories list of 3 itemsend of list\n" +
		"âWe will not stop,â she said."
	d, err := normalize.Normalize(raw)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("title:", d.Title)
	fmt.Println("dateline:", d.Dateline)
	for _, p := range d.Paragraphs {
		fmt.Printf("%d: %s\n", p.Kind, d.Text[p.Start:p.End])
	}
	// Output:
	// title: Envoys back truce plan
	// dateline: GENEVA, May 2 (wire)
	// 1: Envoys back truce plan
	// 0: The envoy’s aides called it “a first step”.
	// 0: “We will not stop,” she said.
}
