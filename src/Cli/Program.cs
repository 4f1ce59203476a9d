using Tilannekuva.Cli;

return await CliApp.Build().Parse(args).InvokeAsync();
