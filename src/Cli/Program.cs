using Tilannekuva.Cli;
using Tilannekuva.Storage;

StartupTrace.Mark("main");
var parsed = CliApp.Build().Parse(args);
StartupTrace.Mark("parsed");
var exit = await parsed.InvokeAsync();
StartupTrace.Mark("done");
return exit;
