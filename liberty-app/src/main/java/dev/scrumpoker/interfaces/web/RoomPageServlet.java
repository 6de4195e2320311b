package dev.scrumpoker.interfaces.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the room page at a room's join link, {@code /r/{id}}: the link people paste into a chat stays short and
 * the page reads the room code from its own address.
 */
@WebServlet("/r/*")
public class RoomPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.getRequestDispatcher("/room.html").forward(request, response);
    }
}
