using Leerkluis.Bench;

// ./leerkluis bench NAME runs one benchmark on this machine; ./leerkluis bench lists them (bench/benchmarks.txt).
var benchmarks = new Dictionary<string, Func<Task<int>>>
{
    ["learner-search"] = LearnerSearchBench.RunAsync,
    ["edexml-import"] = EdexmlImportBench.RunAsync,
    ["audited-read"] = AuditedReadBench.RunAsync,
    ["candidate-search"] = CandidateSearchBench.RunAsync,
    ["matching"] = MatchingBench.RunAsync,
    ["absence-rule"] = AbsenceRuleBench.RunAsync,
    ["monday-peak"] = MondayPeakBench.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: Leerkluis.Bench NAME, one of: " + string.Join(", ", benchmarks.Keys));
    return 2;
}
return await run();
