// The identity a skill `s` is compared by across providers, as an expression: a provider's
// custom skill by its group (the fragment custom-group), any other skill by its id.
coalesce(/*include:custom-group*/, s.id)
