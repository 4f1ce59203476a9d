using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Boards.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Boards;

public static class BoardsModule
{
    /// <summary>Storage, settings (section "Boards"), the clock and the services. Needs the Indicators and Feedback modules registered.</summary>
    public static IServiceCollection AddBoards(this IServiceCollection services, IConfiguration config, DatabaseOptions db)
    {
        services.AddBoardsStorage(db);
        var settings = new BoardSettings();
        config.GetSection(BoardSettings.Section).Bind(settings);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<BoardQuery>();
        services.AddScoped<BoardsService>();
        services.AddScoped<BoardScope>();
        return services;
    }
}
