package segment_test

import (
	"fmt"
	"strings"

	"pledgegraph/loader/annot"
	"pledgegraph/loader/segment"
)

func ExampleSplit() {
	text := "“It was a start,” she said, “and a start is not an answer.” Mr. Okafor agreed.\n\n" +
		"“We waited a year. Nothing came.\n\n" +
		"“Now we act,” he said."
	// Paragraphs as normalize lays them out: Body paragraphs between "\n\n".
	var paras []annot.Paragraph
	start := 0
	for _, p := range strings.Split(text, "\n\n") {
		paras = append(paras, annot.Paragraph{Span: annot.Span{Start: start, End: start + len(p)}, Kind: annot.Body})
		start += len(p) + len("\n\n")
	}
	sentences, quotes := segment.Split(text, paras)
	for _, s := range sentences {
		fmt.Printf("sentence %d: %s\n", s.Index, text[s.Start:s.End])
	}
	for i, q := range quotes {
		fmt.Printf("quote %d (sentence %d, closed %v, continued %v, joined %v): %s\n",
			i, q.Sentence, q.Closed, q.Continued, q.Joined, text[q.Start:q.End])
	}
	// Output:
	// sentence 0: “It was a start,” she said, “and a start is not an answer.”
	// sentence 1: Mr. Okafor agreed.
	// sentence 2: “We waited a year.
	// sentence 3: Nothing came.
	// sentence 4: “Now we act,” he said.
	// quote 0 (sentence 0, closed true, continued false, joined [1]): It was a start,
	// quote 1 (sentence 0, closed true, continued false, joined []): and a start is not an answer.
	// quote 2 (sentence 2, closed false, continued false, joined []): We waited a year. Nothing came.
	// quote 3 (sentence 4, closed true, continued true, joined []): Now we act,
}
