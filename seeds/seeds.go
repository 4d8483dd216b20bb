// Package seeds is the archive served when no other folder is given: the seed articles under
// articles/, and the registries (actors, topics, boilerplate rules, the words of reported speech)
// that any archive folder may bring or borrow from here.
package seeds

import "embed"

// FS holds the registries at its root and the articles under articles/.
//
//go:embed actors.yaml topics.yaml boilerplate.yaml language.yaml names.yaml names-counted.yaml articles
var FS embed.FS
